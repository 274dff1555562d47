module.exports = { displayName: 'registry', preset: '../../jest.preset.js' };
