/** Image references ({@code registry/repository:tag@digest}) as Docker parses and shows them. */
package dev.lade.oci.reference;
