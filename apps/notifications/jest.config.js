module.exports = { displayName: 'notifications-service', preset: '../../jest.preset.js' };
