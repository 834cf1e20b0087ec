import { render } from 'preact';
import { Options } from '@/components/Options';
import { backgroundClient } from '@/utils/client';
import '@/components/theme.css';

render(<Options client={backgroundClient} />, document.getElementById('app') as HTMLElement);
