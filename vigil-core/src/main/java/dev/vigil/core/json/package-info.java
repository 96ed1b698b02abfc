/** JSON encoding of the contract: one configured mapper, snake_case keys, precise errors. */
package dev.vigil.core.json;
