// `nx build training`: the shared app bundle (tools/webpack/app-webpack-config.js) into dist/apps/training.
const { appWebpackConfig } = require('../../tools/webpack/app-webpack-config');

module.exports = appWebpackConfig(__dirname);
