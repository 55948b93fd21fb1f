FROM lade-meta-base
LABEL org.example.base="rich" shared="from-base"
ENV BASE_ENV=base PATH=/opt/bin:/usr/bin:/bin
WORKDIR /srv
USER builder
EXPOSE 8080
VOLUME /cache
CMD ["serve", "--port", "8080"]
ENTRYPOINT ["/bin/sh", "-c"]
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=30s --retries=2 CMD ["check"]
ONBUILD LABEL triggered="yes"
ONBUILD ENV TRIGGER_ENV=$BASE_ENV-child
ONBUILD WORKDIR sub
