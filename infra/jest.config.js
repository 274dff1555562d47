module.exports = { displayName: 'infra', preset: '../jest.preset.js' };
