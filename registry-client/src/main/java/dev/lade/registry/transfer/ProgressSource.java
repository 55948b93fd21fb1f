package dev.lade.registry.transfer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.blob.SelfVerifying;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An {@link ImageSource} that tells a {@link TransferListener} how many bytes of each blob have
 * been read from it, counting from the offset a resumed upload starts at.
 */
final class ProgressSource implements ImageSource {
  private final ImageSource source;
  private final TransferListener listener;

  ProgressSource(ImageSource source, TransferListener listener) {
    this.source = source;
    this.listener = listener;
  }

  @Override
  public Descriptor root() throws IOException {
    return source.root();
  }

  @Override
  public byte[] manifest(Descriptor descriptor) throws IOException {
    return source.manifest(descriptor);
  }

  @Override
  public boolean hasManifest(Descriptor descriptor) throws IOException {
    return source.hasManifest(descriptor);
  }

  @Override
  public InputStream blob(Descriptor descriptor) throws IOException {
    InputStream in = source.blob(descriptor);
    // A self-verifying download stays one, so that the target need not hash it again.
    if (in instanceof SelfVerifying verifying) return new VerifiedCounting(in, descriptor, verifying);
    return new Counting(in, descriptor, 0);
  }

  @Override
  public BlobSource blobSource(Descriptor descriptor) {
    BlobSource blobs = source.blobSource(descriptor);
    return offset -> new Counting(blobs.open(offset), descriptor, offset);
  }

  @Override
  public String describe() {
    return source.describe();
  }

  private class Counting extends FilterInputStream {
    private final Descriptor blob;
    private long position;

    Counting(InputStream in, Descriptor blob, long offset) {
      super(in);
      this.blob = blob;
      this.position = offset;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) advance(1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) advance(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) advance(skipped);
      return skipped;
    }

    private void advance(long n) {
      position += n;
      listener.progress(blob, position);
    }
  }

  private final class VerifiedCounting extends Counting implements SelfVerifying {
    private final SelfVerifying verifying;

    VerifiedCounting(InputStream in, Descriptor blob, SelfVerifying verifying) {
      super(in, blob, 0);
      this.verifying = verifying;
    }

    @Override
    public Digest digest() {
      return verifying.digest();
    }

    @Override
    public long size() {
      return verifying.size();
    }
  }
}
