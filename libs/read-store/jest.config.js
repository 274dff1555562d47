module.exports = { displayName: 'read-store', preset: '../../jest.preset.js' };
