FROM lade-copy-base
COPY dir/f1.txt dir/hard /links/
COPY dir/[fh]* /wild-links/
COPY dir /tree-links/
COPY special /special/
COPY --chmod=640 special/suid special/sgid /special-chmod/
COPY --chmod=750 special /special-dir-chmod/
COPY empty /empty/
COPY empty /empty2
COPY empty/ special/suid /mixed/
ADD archive.tar.xz /unpacked-xz/
COPY foreign /foreign/
COPY odd /odd/
COPY odd/private /private
