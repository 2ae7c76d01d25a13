# One image per service of this repository: docker build --build-arg SERVICE=intake-service .
# (docker-compose.yml builds all of them; the build stage is shared through the layer cache.)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app complaints && mkdir -p /app /var/lib/live-complaints && chown complaints /var/lib/live-complaints
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER complaints
WORKDIR /app
# Heap 50 % of the container: the rest holds RocksDB (BoundedRocksDbConfig, 128 MiB), metaspace, threads and buffers
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50" \
    COMPLAINTS_STATE_DIR=/var/lib/live-complaints
ENTRYPOINT ["java", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.livecomplaints,java.lang,java.util", "-jar", "/app/service.jar"]
