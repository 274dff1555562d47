module.exports = { displayName: 'iati', preset: '../../jest.preset.js' };
