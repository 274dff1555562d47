const { basename, join } = require('node:path');
const nodeExternals = require('webpack-node-externals');
const TsconfigPathsPlugin = require('tsconfig-paths-webpack-plugin');

const WORKSPACE_ROOT = join(__dirname, '../..');

/**
 * The webpack configuration of an app under apps/: bundles its src/main.ts and the workspace libs
 * it imports (through the tsconfig path aliases) into dist/apps/<name>/main.js; npm packages stay
 * external in node_modules. ts-loader keeps TypeScript's decorator metadata, which NestJS
 * dependency injection needs; `npm run typecheck` does the type checking.
 *
 * @param {string} appDir the app's folder (its webpack.config.js passes __dirname)
 */
function appWebpackConfig(appDir) {
  const name = basename(appDir);
  const tsconfig = join(appDir, 'tsconfig.app.json');
  return {
    mode: 'none',
    target: 'node',
    devtool: 'source-map',
    entry: join(appDir, 'src/main.ts'),
    output: { path: join(WORKSPACE_ROOT, 'dist/apps', name), filename: 'main.js', clean: true },
    externals: [nodeExternals({ modulesDir: join(WORKSPACE_ROOT, 'node_modules') })],
    externalsPresets: { node: true },
    resolve: {
      extensions: ['.ts', '.js'],
      plugins: [new TsconfigPathsPlugin({ configFile: tsconfig })],
    },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: tsconfig, transpileOnly: true } }],
    },
    optimization: { nodeEnv: false },
    node: { __dirname: false, __filename: false },
  };
}

module.exports = { appWebpackConfig };
