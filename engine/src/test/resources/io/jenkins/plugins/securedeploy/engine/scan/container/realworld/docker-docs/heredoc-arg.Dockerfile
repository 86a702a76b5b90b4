# syntax=docker/dockerfile:1
ARG  CODE_VERSION=3.19
FROM alpine:${CODE_VERSION} AS base
RUN <<EOF
apk add --no-cache curl
adduser -D -u 10001 app
EOF

FROM base
COPY <<-EOT /etc/motd
	hello
	EOT
USER 10001
HEALTHCHECK --interval=5m --timeout=3s \
  CMD curl -f http://localhost/ || exit 1
CMD ["sh"]
