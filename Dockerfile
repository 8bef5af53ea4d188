# Thông suốt: multi-stage image built from this project (docker compose build).
# Stage 1 builds the jar with Maven; stage 2 runs it on a JRE, as a non-root user, in UTC.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
COPY processes ./processes
RUN mvn -q -B -DskipTests package && cp target/thongsuot-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home thongsuot
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER thongsuot
ENV TZ=UTC \
    JAVA_TOOL_OPTIONS="-Duser.timezone=UTC -Dfile.encoding=UTF-8 -XX:MaxRAMPercentage=75" \
    THONGSUOT_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
