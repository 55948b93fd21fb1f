FROM lade-copy-base
ARG URL
ADD ${URL}/served.txt /dl/
ADD ${URL}/served.txt /dl/renamed
ADD ${URL}/archive.tar.gz /dl/packed/
ADD --chown=builder ${URL}/served.txt ${URL}/plain.txt.gz /dl/owned/
