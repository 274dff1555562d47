# The Training service (apps/training), distributed profile. Built from the repository root:
#   docker compose build training     (or: docker build -f infra/docker/training.Dockerfile .)
# Configuration comes from the environment at run time (docs/training-service.md).

FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx webpack-cli build --config apps/training/webpack.config.js

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3005
COPY package.json package-lock.json .npmrc ./
# The bundle keeps npm packages external: install the runtime ones only.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/training ./dist/apps/training
# The log with TADAMON_EVENT_STORE=sqlite (data/training/training.db): mount a volume here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3005
CMD ["node", "dist/apps/training/main.js"]
