module.exports = { displayName: 'domain-kit', preset: '../../jest.preset.js' };
