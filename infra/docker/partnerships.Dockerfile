# The Partnerships service (apps/partnerships), distributed profile. Built from the repository root:
#   docker compose build partnerships     (or: docker build -f infra/docker/partnerships.Dockerfile .)
# Configuration comes from the environment at run time (docs/partnerships-service.md).

FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx webpack-cli build --config apps/partnerships/webpack.config.js

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3003
COPY package.json package-lock.json .npmrc ./
# The bundle keeps npm packages external: install the runtime ones only.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/partnerships ./dist/apps/partnerships
# The log and the inbox with TADAMON_EVENT_STORE=sqlite (or kurrentdb without DATABASE_URL), and the
# documents with TADAMON_CONTENT_STORE=folder (data/partnerships/content): mount a volume here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3003
CMD ["node", "dist/apps/partnerships/main.js"]
