import { startBackground } from '@/utils/background/start';

export default defineBackground(() => {
  startBackground();
});
