/**
 * JSON for content-addressed documents: an immutable value model ({@link
 * dev.lade.oci.json.JsonValue}), a reader with field-path errors ({@link
 * dev.lade.oci.json.FieldReader}), a writer that mirrors Go's encoding/json byte for byte ({@link
 * dev.lade.oci.json.CanonicalJson}), and a holder of exact bytes ({@link
 * dev.lade.oci.json.RawJson}).
 */
package dev.lade.oci.json;
