/** The control catalog: data describing every control, bundled as {@code catalog.json}. */
package dev.vigil.core.catalog;
