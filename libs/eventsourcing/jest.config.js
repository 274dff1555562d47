module.exports = { displayName: 'eventsourcing', preset: '../../jest.preset.js' };
