module.exports = { displayName: 'partnerships', preset: '../../jest.preset.js' };
