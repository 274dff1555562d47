/** The platform's IATI activity file: every published project (GET, anyone). */
export const IATI_ACTIVITIES_URL = '/api/partnerships/iati/activities.xml';
