export {
  LiveClient,
  LiveChannel,
  FIREHOSE_CHANNEL,
  type LiveItem,
  type LiveStatus,
  type EventCallback,
} from './client';
export { FrameBatcher, browserClock, type FrameClock } from './frame';
export { LiveContext, useLive, useLiveStatus, useListen, useHold, usePoll } from './hooks';
