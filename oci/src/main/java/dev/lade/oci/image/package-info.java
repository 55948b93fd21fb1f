/**
 * The OCI image model: media types, descriptors, manifests, indexes and image configs (OCI and
 * Docker schema 2), parsed with validation and written in the canonical form BuildKit uses.
 *
 * <p>Records never hold null strings or collections: absent strings are empty and absent lists
 * and maps empty. Optional objects ({@link dev.lade.oci.image.MediaType}, descriptors,
 * platforms, health checks) are null when absent. Keep the exact bytes of pulled documents in a
 * {@link dev.lade.oci.json.RawJson} rather than re-serialising them.
 */
package dev.lade.oci.image;
