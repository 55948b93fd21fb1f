/** Content digests ({@code sha256:...}) and streams that compute them while data flows. */
package dev.lade.oci.digest;
