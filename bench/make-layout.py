#!/usr/bin/env python3
"""Writes an OCI layout holding one linux/amd64 image of LAYERS random layers of SIZE_MB each,
named NAME (skopeo's oci:DIR:NAME). Usage: make-layout.py DIR NAME LAYERS SIZE_MB"""
import hashlib, json, os, sys

def put(root, data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(root, "blobs", "sha256", digest), "wb") as f:
        f.write(data)
    return {"digest": "sha256:" + digest, "size": len(data)}

def main(root, name, layers, size_mb):
    os.makedirs(os.path.join(root, "blobs", "sha256"), exist_ok=True)
    descriptors = []
    for _ in range(layers):
        d = put(root, os.urandom(size_mb * 1000 * 1000))
        descriptors.append(dict(mediaType="application/vnd.oci.image.layer.v1.tar", **d))
    config = {"architecture": "amd64", "os": "linux", "config": {},
              "rootfs": {"type": "layers", "diff_ids": [d["digest"] for d in descriptors]}}
    cfg = dict(mediaType="application/vnd.oci.image.config.v1+json", **put(root, json.dumps(config).encode()))
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": cfg, "layers": descriptors}
    m = dict(mediaType="application/vnd.oci.image.manifest.v1+json", **put(root, json.dumps(manifest).encode()))
    m["annotations"] = {"org.opencontainers.image.ref.name": name}
    with open(os.path.join(root, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [m]}, f)
    with open(os.path.join(root, "oci-layout"), "w") as f:
        f.write('{"imageLayoutVersion":"1.0.0"}')

main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
