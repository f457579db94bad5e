# syntax=docker/dockerfile:1
# One image for every role: `docker run maxon api|worker|telegram|max` (default: api).

# Build: TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Not `npm ci`: the lockfile lists only this platform's optional binaries (see README).
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies, the build, and the files read at run time.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
# The assistant's prompts are read from the sources (src/assistant/model/prompts.ts).
COPY src/assistant/prompts ./src/assistant/prompts
COPY bin ./bin
# The embedded database's folder (DATA_DIR) when DATABASE_URL is not set.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# API (PORT) and, in a process without the api role, metrics and health (METRICS_PORT).
EXPOSE 4000 9464
# For the api role; docker-compose.yml checks the other roles on METRICS_PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "bin/healthcheck.js"]
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["api"]
