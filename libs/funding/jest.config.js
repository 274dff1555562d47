module.exports = { displayName: 'funding', preset: '../../jest.preset.js' };
