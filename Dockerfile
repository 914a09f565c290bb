# syntax=docker/dockerfile:1
# Node.js 22 LTS (maintained until April 2027). Node 20 reached end of life in April 2026; CI still runs
# the tests on Node 20.20 only, so this image's Node version is not yet what CI tests (docs/OPERATIONS.md).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# The bot runs compiled (dist/): loading TypeScript through tsx at start costs ~90 MB of memory.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:22-bookworm-slim
# Pictures are drawn with the font from the dejavu-fonts-ttf package: no system font is needed.
# /healthz and /metrics on 9464, on every interface so that Prometheus in another container can scrape it.
ENV NODE_ENV=production DATA_DIR=/data HEALTH_PORT=9464 HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY questions ./questions
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464
# The slim image has no curl: Node itself asks /healthz (200 = database reachable and gateway connected).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
