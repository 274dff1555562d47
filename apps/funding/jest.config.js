module.exports = { displayName: 'funding-service', preset: '../../jest.preset.js' };
