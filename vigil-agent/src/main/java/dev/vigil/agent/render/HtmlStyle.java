package dev.vigil.agent.render;

/**
 * The HTML report's inline stylesheet. It fetches nothing (no {@code @import}, no {@code url()}, system
 * fonts only) and holds no {@code <} or {@code &}, so the page stays well-formed XML.
 */
final class HtmlStyle {

    private HtmlStyle() {
    }

    static final String CSS = """
            :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: #fff;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
            h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); text-transform: capitalize; }
            h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
            h4 { font-size: 0.8rem; margin: 0.9rem 0 0.3rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
            .muted { color: var(--muted); }
            .top { display: grid; grid-template-columns: 1fr auto; gap: 1rem 2rem; align-items: start;
              padding-bottom: 1rem; border-bottom: 2px solid var(--line); }
            .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
            .meta dt { color: var(--muted); }
            .meta dd { margin: 0; }
            .score { text-align: center; border: 2px solid var(--line); border-radius: 0.5rem; padding: 0.5rem 1.25rem; }
            .score-value { font-size: 2.5rem; font-weight: 700; }
            .score-max { font-size: 1.1rem; color: var(--muted); }
            .score-label { display: block; font-size: 0.8rem; text-transform: uppercase; color: var(--muted); }
            .counts { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
            .counts li { border: 1px solid var(--c); background: var(--bg); color: var(--c); border-radius: 0.3rem; padding: 0.2rem 0.7rem; }
            .counts .n { font-weight: 700; }
            .st-pass { --c: #1a7f37; --bg: #dafbe1; }
            .st-fail { --c: #cf222e; --bg: #ffebe9; }
            .st-warn { --c: #9a6700; --bg: #fff8c5; }
            .st-unknown { --c: #8250df; --bg: #fbefff; }
            .st-na { --c: #59636e; --bg: #f6f8fa; }
            .badge { display: inline-block; min-width: 4.5em; text-align: center; font-size: 0.75rem; font-weight: 700;
              letter-spacing: 0.03em; padding: 0.1rem 0.4rem; border-radius: 0.25rem; border: 1px solid var(--c);
              color: var(--c); background: var(--bg); vertical-align: 0.1em; }
            .sev { font-size: 0.75rem; text-transform: uppercase; color: var(--muted); border: 1px solid var(--line);
              border-radius: 0.25rem; padding: 0 0.3rem; white-space: nowrap; }
            .control { color: var(--muted); font-weight: 400; }
            .attention ol { padding-left: 1.5rem; }
            .attention li { margin: 0.2rem 0; }
            .attention a { color: inherit; text-decoration: none; }
            .attention a:hover { text-decoration: underline; }
            .finding { border: 1px solid var(--line); border-left: 6px solid var(--c); border-radius: 0.4rem;
              padding: 0.75rem 1rem; margin: 0 0 0.9rem; }
            .detail { margin: 0.2rem 0; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; font-size: 0.9em; }
            .facts dt { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .facts dd { margin: 0; overflow-wrap: anywhere; }
            .facts .facts { border-left: 2px solid var(--line); padding-left: 0.5rem; }
            .values { margin: 0; padding-left: 1.1rem; }
            .evidence { margin: 0 0 0.5rem; }
            .query { margin: 0 0 0.2rem; overflow-wrap: anywhere; }
            .source, .exit { font-size: 0.75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 0.25rem; padding: 0 0.3rem; }
            pre { margin: 0; padding: 0.5rem 0.7rem; background: var(--soft); border: 1px solid var(--line); border-radius: 0.3rem;
              max-height: 22rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
            .steps { margin: 0; padding-left: 1.4rem; }
            .refs { font-size: 0.9em; margin: 0.6rem 0 0; }
            footer { margin-top: 2rem; padding-top: 0.75rem; border-top: 1px solid var(--line); font-size: 0.85em; color: var(--muted); }
            @media (max-width: 40rem) {
              body { padding: 0.75rem; }
              .top { grid-template-columns: 1fr; }
            }
            @media print {
              @page { margin: 1.5cm; }
              body { max-width: none; padding: 0; font-size: 10pt; }
              .counts li, .badge { background: none; color: #000; border-color: #000; }
              .finding { border-left-width: 4px; break-inside: avoid; page-break-inside: avoid; }
              h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
              pre { max-height: none; overflow: visible; background: none; }
            }
            """;
}
