# The Registry service (apps/registry), distributed profile. Built from the repository root:
#   docker compose build registry     (or: docker build -f infra/docker/registry.Dockerfile .)
# Configuration comes from the environment at run time (docs/registry-service.md).

FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx webpack-cli build --config apps/registry/webpack.config.js

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3001
COPY package.json package-lock.json .npmrc ./
# The bundle keeps npm packages external: install the runtime ones only.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/registry ./dist/apps/registry
# Only used with TADAMON_EVENT_STORE=sqlite, or kurrentdb without DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3001
CMD ["node", "dist/apps/registry/main.js"]
