# litegres image: built with the project's own install script on Debian 12,
# shipped as the binary plus its runtime libraries.
FROM debian:12-slim AS build
WORKDIR /src
COPY . .
RUN ./litegres.sh deps \
    && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
    && cmake --build build -j"$(nproc)" --target litegres

FROM debian:12-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       libsqlite3-0 libssl3 libprotobuf-c1 libgmp10 libpcre2-8-0 libdate-tz3 tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/litegres /usr/local/bin/litegres
VOLUME /data
EXPOSE 5432
STOPSIGNAL SIGTERM
ENTRYPOINT ["litegres", "--host", "0.0.0.0", "--port", "5432", "--data-dir", "/data"]
