import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { backgroundClient } from '@/utils/client';
import '@/components/theme.css';

render(<Popup client={backgroundClient} />, document.getElementById('app') as HTMLElement);
