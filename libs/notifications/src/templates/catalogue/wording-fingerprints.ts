/**
 * SHA-256 of each template version's whole wording (every language, in the layout). A version,
 * once recorded in NotificationRendered, must always name the same words: its spec fails when a
 * wording changes under a version already listed here. Lines are added, never changed.
 */
export const WORDING_FINGERPRINTS: Readonly<Record<string, string>> = {
  'application-received@1': '01066b9e1871c8123340f8870092cc76aafda26080d2dad7af91e8b3336c728a',
  'application-eligible@1': '0aba97f897d89cbc6cbeea4637b56a8fa9f900c48d26475fc2dac05daab27040',
  'application-ineligible@1': 'd75cd80626d700739861a02d9069c80edfda0919f280c09f5069849cd8566414',
  'grant-awarded@1': '0b40c88cb46b60e5161ac8b9ea1e13fd0b452ca8dcb80c747d4e1380244bdcca',
  'application-rejected@1': 'cabb1c555a84cb93e54b3e84ad2b69668f5de8129973efd0d301d3851eba3fe1',
  'tranche-released@1': '45401be9c0c33b4b53b321df9b98631b925e33dcf25e0b59512b066bd3d4af72',
  'agreement-signed@1': '87f8a1ce9b4ad562d3a80bd75cfbf3ee7a7a4e9ef82952bf33d408c797acd542',
  'agreement-amended@1': '5d0f2ce2796c7dd07553fcf68ab4aaf84a6aedcc08c09b0d3171eb7c38f83128',
  'enrolment-confirmed@1': 'c3f80e2f4171180dd0c98be7c4f980ba42c11e02cb5ab8057eff6ab087bde20f',
  'session-reminder@1': '17c16246f92ccfd880bd5a816db6d2358521fe8d8ef3296a1ae24d26ca5c546d',
  'certificate-issued@1': '5c199650fa924fa5ec1f637a9d39615a2e6d5fbad630237713047e363264135d',
  'enrolment-confirmed@2': '7f5354c9c092589e9ff63dd8b44293d1054040975f60fa474dcd14a703c85d68',
  'session-reminder@2': '6ba766c2f0937b3930e0811c80817809ad77a3847b3b28cadeffacaf4312d364',
  'certificate-issued@2': 'cd5d06de6540abe8d51ed00e6e508dcb7854e8e9f87168742bbd095838bea7e5',
  'call-matching@1': '35b0c2181dada22bc5fdcf2b1e7e2d5712c0dcb2bac9885c86dbd7b07e9583de',
  'need-matching@1': '57808d5edd34af6e1311c62a4eed98e1f760d2fd7ba65d012d2586a7963284ad',
  'digest@1': 'dcb9e0032e9ff45c80d9eab29c26f25b0876925331032d05d6087c64f98d1caf',
};
