/** Renderers for people and pipelines: terminal table, self-contained HTML, JUnit XML. */
package dev.vigil.agent.render;
