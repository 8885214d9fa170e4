// pusher-js ships its type declarations without pointing package.json at them: wire them up.
declare module 'pusher-js' {
  import Pusher from 'pusher-js/types/src/core/pusher';
  export default Pusher;
  export type { Options } from 'pusher-js/types/src/core/options';
  export type { default as Channel } from 'pusher-js/types/src/core/channels/channel';
  export type { default as PresenceChannel } from 'pusher-js/types/src/core/channels/presence_channel';
}
