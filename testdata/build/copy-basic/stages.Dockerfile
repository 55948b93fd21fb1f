FROM lade-copy-base AS first
COPY dir /src/
COPY --chown=builder a.txt b.txt /src/owned/
COPY --chown=builder:1000 --chmod=0750 linkdir /src/linkdir

FROM lade-copy-base
WORKDIR /app
COPY --from=first /src /from-stage/
COPY --from=first /src/sub/ from-stage-dir
COPY --from=first /src/owned/a.txt /src/rel-link ./picked/
COPY --from=lade-copy-base /etc/passwd /etc/group /from-image/
COPY --from=0 /src/owned /by-index
COPY --from=first /src/ /
