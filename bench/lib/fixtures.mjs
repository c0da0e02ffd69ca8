// @ts-check
// What every program asks for, with the providers' documented placeholder keys.
// Kept in a file of its own so the size bundles pull in these few constants and nothing else.
export const AWS_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
export const SCF_CREDENTIALS = { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };
export const AWS_LAYER = { LayerName: 'my-layer', VersionNumber: 1 };
export const SCF_LAYER = { LayerName: 'layer3', LayerVersion: 1 };
