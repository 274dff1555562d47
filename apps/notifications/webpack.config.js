// `nx build notifications`: the shared app bundle (tools/webpack/app-webpack-config.js) into dist/apps/notifications.
const { appWebpackConfig } = require('../../tools/webpack/app-webpack-config');

module.exports = appWebpackConfig(__dirname);
