module.exports = { displayName: 'partnerships-service', preset: '../../jest.preset.js' };
