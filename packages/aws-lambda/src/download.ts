// The verified download, in its own module so that bundlers load it only when it is used.
export { downloadVerified } from '@layerspec/client-runtime/download';
