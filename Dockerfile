# The GraphQL API. docker-compose.yml runs it next to neo4j:5.26 with NEO4J_URI set,
# so it never starts a Neo4j of its own.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit
COPY schema ./schema
COPY seed ./seed
COPY src ./src
COPY web ./web
RUN node_modules/.bin/vite build --config web/vite.config.ts
# The Neo4j Browser kit the API serves: the style, and the guide made from the ready queries.
COPY neo4j-browser ./neo4j-browser
COPY docs/neo4j-browser.md ./docs/neo4j-browser.md
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# `docker stop` sends SIGTERM. Node runs the server itself (no npm or shell in between to
# swallow the signal); as PID 1 it has no default signal actions, but start.ts handles
# SIGTERM and SIGINT (src/cli/run.ts, interruption()): it closes the API and the driver and
# exits. docker-compose.yml adds `init: true` (tini as PID 1, passing signals on and reaping).
STOPSIGNAL SIGTERM
# The node flags of `npm start` (package.json): a young generation of 4 MB a half keeps the
# API's memory near 230 MB under 32 connections (docs/benchmarks.md).
CMD ["node", "--max-semi-space-size=4", "--import", "tsx", "src/cli/start.ts"]
