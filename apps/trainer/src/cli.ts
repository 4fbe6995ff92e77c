console.log('dcgan');
