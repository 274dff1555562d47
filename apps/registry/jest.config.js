module.exports = { displayName: 'registry-service', preset: '../../jest.preset.js' };
