/**
 * Renderers for people and pipelines: the terminal table ({@link dev.vigil.agent.render.TerminalRenderer}),
 * the self-contained HTML report ({@link dev.vigil.agent.render.HtmlRenderer}) and JUnit XML
 * ({@link dev.vigil.agent.render.JunitRenderer}). Each is a pure function of a report (and the catalog, for
 * domains, remediation and rationale); every string from a report is escaped or cleaned for its medium.
 */
package dev.vigil.agent.render;
