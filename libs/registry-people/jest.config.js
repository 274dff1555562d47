module.exports = { displayName: 'registry-people', preset: '../../jest.preset.js' };
