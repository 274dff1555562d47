module.exports = { displayName: 'training-service', preset: '../../jest.preset.js' };
