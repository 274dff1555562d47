module.exports = { displayName: 'content-store', preset: '../../jest.preset.js' };
