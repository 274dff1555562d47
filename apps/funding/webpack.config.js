const { join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
const TsconfigPathsPlugin = require('tsconfig-paths-webpack-plugin');

// Bundles the app and the workspace libs it imports (through the tsconfig path aliases); npm
// packages stay external in node_modules. ts-loader keeps TypeScript's decorator metadata, which
// NestJS dependency injection needs; `npm run typecheck` does the type checking.
module.exports = {
  mode: 'none',
  target: 'node',
  devtool: 'source-map',
  entry: join(__dirname, 'src/main.ts'),
  output: { path: join(__dirname, '../../dist/apps/funding'), filename: 'main.js', clean: true },
  externals: [nodeExternals({ modulesDir: join(__dirname, '../../node_modules') })],
  externalsPresets: { node: true },
  resolve: {
    extensions: ['.ts', '.js'],
    plugins: [new TsconfigPathsPlugin({ configFile: join(__dirname, 'tsconfig.app.json') })],
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { configFile: join(__dirname, 'tsconfig.app.json'), transpileOnly: true },
      },
    ],
  },
  optimization: { nodeEnv: false },
  node: { __dirname: false, __filename: false },
};
